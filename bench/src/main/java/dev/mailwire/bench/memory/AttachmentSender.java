package dev.mailwire.bench.memory;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import jakarta.inject.Inject;
import java.nio.file.Path;

/** An application bean with the default mailer: sends one file as an attachment, streamed from disk. */
public class AttachmentSender {

    @Inject
    Mailer mailer;

    SendResult send(Path file) {
        return mailer.send(Mail.builder()
                .from("bench@example.test")
                .to("sink@example.test")
                .subject("100 MB attachment")
                .text("The attachment is streamed from " + file.getFileName() + ".")
                .attachment(Attachment.of("large.bin", "application/octet-stream", file))
                .build());
    }
}
