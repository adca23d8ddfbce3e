package dev.mailwire.it.secrets;

/** A secret the suite configures, and the test file and line it was read from (what a finding names). */
record Secret(String value, String origin) {

    @Override
    public String toString() {
        return "secret from " + origin; // never the value: this ends up in the build log
    }
}
