/**
 * What applications use: the mailer, the mail value types, the results and the exceptions. Depends on Jakarta APIs
 * only, and is loaded once by a class loader that both the resource adapter and the application see.
 */
package dev.mailwire;
