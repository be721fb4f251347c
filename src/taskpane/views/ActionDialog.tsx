// A button that opens a small dialog with content, one primary action and a cancel/close button:
// the shape of "New administration", "Clear local data" and "Workbook options".
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface ActionDialogProps {
  /** Text of the button that opens the dialog (and the dialog's title unless `title` is given). */
  opener: string;
  openerTestId: string;
  openerDisabled?: boolean;
  /** `small` in the compact header. */
  openerSize?: 'small' | 'medium';
  title?: string;
  children: ReactNode;
  action: string;
  actionTestId: string;
  actionDisabled?: boolean;
  onAction: () => void;
  /** Text of the button that closes the dialog without acting. */
  dismiss: string;
}

export function ActionDialog(props: ActionDialogProps) {
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button data-testid={props.openerTestId} disabled={props.openerDisabled === true} size={props.openerSize ?? 'medium'}>
          {props.opener}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title ?? props.opener}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" data-testid={props.actionTestId} disabled={props.actionDisabled === true} onClick={props.onAction}>
                {props.action}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>{props.dismiss}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
