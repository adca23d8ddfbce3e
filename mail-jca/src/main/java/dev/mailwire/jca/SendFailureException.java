package dev.mailwire.jca;

/** Carries a {@link SendFailure} out of {@link SmtpChannel#send}; internal, never seen by applications. */
final class SendFailureException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SendFailure failure;

    SendFailureException(SendFailure failure) {
        super(failure.error().getMessage(), null, false, false);
        this.failure = failure;
    }

    SendFailure failure() {
        return failure;
    }
}
