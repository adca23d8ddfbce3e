/** Internal: a {@code Mail} becomes a validated MIME message whose Message-ID and size are fixed before it is sent. */
package dev.mailwire.cdi.internal.render;
