/** A recording TCP proxy: how a client's writes reach the wire. */
package dev.mailwire.test.smtp.proxy;
