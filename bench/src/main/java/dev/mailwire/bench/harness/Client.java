package dev.mailwire.bench.harness;

/**
 * One way of sending, set up for one server and one message, used by a fixed number of threads at once. Per-thread
 * state (a connection per thread) is keyed by the thread's index.
 */
public interface Client extends AutoCloseable {

    /** Sends one message and returns when the server has accepted it. */
    void send(int thread) throws Exception;

    @Override
    void close() throws Exception;
}
