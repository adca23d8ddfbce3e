package dev.mailwire.it.secrets;

import java.nio.file.Path;

/** A line that holds a secret: where, and which kind — never the secret. */
record Finding(Path file, long line, String kind) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + kind;
    }
}
