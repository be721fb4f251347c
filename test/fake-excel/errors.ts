// Errors the fake raises, shaped like OfficeExtension.Error: a `code` from Excel's ErrorCodes,
// a message, and `debugInfo.errorLocation` naming the API member that failed.

export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'ApiNotFound'
  | 'InvalidObjectPath'
  | 'GeneralException'
  | 'FakeNotImplemented';

export class FakeExcelError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation: string };

  constructor(code: FakeErrorCode, message: string, location = '') {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function fail(code: FakeErrorCode, message: string, location = ''): never {
  throw new FakeExcelError(code, message, location);
}
