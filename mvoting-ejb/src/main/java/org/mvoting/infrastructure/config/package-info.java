/** Settings read from system properties and the environment. */
package org.mvoting.infrastructure.config;
