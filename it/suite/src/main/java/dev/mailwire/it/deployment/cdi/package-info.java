/**
 * An application with mail-cdi in WEB-INF/lib: {@code @Inject Mailer} in a stateless EJB (container-managed
 * transactions) and in an application-scoped bean, configured by its own {@code microprofile-config.properties}.
 */
package dev.mailwire.it.deployment.cdi;
