// Catches a failure while a tab renders, so the header and the other tabs stay usable: the tab
// shows what went wrong and "Try again" (which renders it anew). One boundary per tab.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reasonOf } from '../state/pane';

interface Props {
  /** "This tab could not be shown." in the pane's language. */
  title: string;
  retry: string;
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class TabBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A tab of the pane failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" data-testid="tab-failed" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {reasonOf(this.state.error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button data-testid="tab-retry" onClick={() => this.setState({ error: null })}>
            {this.props.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
