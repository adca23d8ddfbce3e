/**
 * Internal: the transactional path and the outbox together. Inside a JTA transaction {@code TransactionalDelivery}
 * keeps the rendered bytes (in the outbox table through the transaction's own DataSource, or in memory) and hands
 * them over once the transaction commits; the dispatcher sends them through the mailer's immediate delivery and
 * retries until each recipient is delivered or the mail is dead-lettered. Only {@code TransactionalAssembly} (the way
 * in from the send path), {@code TransactionSettings} (checked at deployment) and what the public
 * {@code dev.mailwire.cdi.outbox} types need are public.
 */
package dev.mailwire.cdi.internal.outbox;
