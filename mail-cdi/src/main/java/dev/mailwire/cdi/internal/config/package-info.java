/**
 * Internal: reading the {@code mailwire.mailer.*} settings through MicroProfile Config and checking them when
 * deployment ends, so a bad setting fails the deployment with its full key ({@code DefinitionCheck}), never a send.
 */
package dev.mailwire.cdi.internal.config;
