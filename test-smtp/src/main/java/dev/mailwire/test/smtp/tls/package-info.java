/** Self-signed certificates made at run time for the test servers and the clients that must trust them. */
package dev.mailwire.test.smtp.tls;
