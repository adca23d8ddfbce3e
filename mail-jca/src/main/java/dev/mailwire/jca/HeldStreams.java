package dev.mailwire.jca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A socket's two streams wrapped for a {@link Cork}: the output holds writes while corked ({@link HeldOutput}), the
 * input sends them before it reads. Created on first use, as a socket's own streams are; one pair per socket.
 */
final class HeldStreams implements Cork {

    /** A socket's own stream, which may only be asked for once connected. */
    @FunctionalInterface
    interface Source<T> {
        T get() throws IOException;
    }

    private final Source<OutputStream> rawOutput;
    private final Source<InputStream> rawInput;
    private final Object lock = new Object();
    private HeldOutput output;
    private InputStream input;

    HeldStreams(Source<OutputStream> rawOutput, Source<InputStream> rawInput) {
        this.rawOutput = rawOutput;
        this.rawInput = rawInput;
    }

    @Override
    public void cork() throws IOException {
        output().cork();
    }

    @Override
    public void uncork() throws IOException {
        HeldOutput out;
        synchronized (lock) {
            out = output;
        }
        if (out != null) {
            out.release();
        }
    }

    HeldOutput output() throws IOException {
        synchronized (lock) {
            if (output == null) {
                output = new HeldOutput(rawOutput.get());
            }
            return output;
        }
    }

    InputStream input() throws IOException {
        synchronized (lock) {
            if (input == null) {
                input = new HeldOutput.Releasing(rawInput.get(), this);
            }
            return input;
        }
    }
}
