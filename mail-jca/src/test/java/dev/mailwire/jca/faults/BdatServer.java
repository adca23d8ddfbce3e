package dev.mailwire.jca.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plaintext SMTP server on loopback that offers CHUNKING (RFC 3030), which the fake server in test-smtp does not
 * speak. It takes every message whole and answers 250, except that after the content of the message number
 * {@code dropAfter} (1-based, over all connections) it closes the connection without a reply: the mail was taken,
 * the client cannot know.
 */
final class BdatServer implements AutoCloseable {

    private final ServerSocket listener;
    private final int dropAfter;
    /** The content of every message received whole, in order. */
    final List<String> messages = new CopyOnWriteArrayList<>();

    BdatServer(int dropAfter) throws IOException {
        this.dropAfter = dropAfter;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "bdat-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                serve(new BufferedInputStream(s.getInputStream()), s.getOutputStream());
            } catch (IOException e) {
                // the client went away, or the server is closing: next connection
            }
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        reply(out, "220 bdat.test ESMTP");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null) {
            String verb = line.split(" ")[0].toUpperCase();
            switch (verb) {
                case "EHLO" -> reply(out, "250-bdat.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 CHUNKING");
                case "BDAT" -> {
                    String[] parts = line.split(" ");
                    content.write(in.readNBytes(Integer.parseInt(parts[1])));
                    if (parts.length > 2 && parts[2].equalsIgnoreCase("LAST")) {
                        messages.add(content.toString(StandardCharsets.UTF_8));
                        content.reset();
                        if (messages.size() == dropAfter) {
                            return; // closed without a word: the mail was taken
                        }
                        reply(out, "250 2.0.0 queued");
                    } else {
                        reply(out, "250 2.0.0 chunk received");
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 bye");
                    return;
                }
                case "DATA" -> reply(out, "502 5.5.1 use BDAT");
                default -> reply(out, "250 2.0.0 ok");
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
