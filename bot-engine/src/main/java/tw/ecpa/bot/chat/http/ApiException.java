package tw.ecpa.bot.chat.http;

/** Carries an {@link ApiError} from deep in a handler to the one place that writes errors. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ApiError error;

  ApiException(ApiError error) {
    super(error.error(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
