/** The check of the city's settings at deployment (the settings themselves: org.mvoting.api.settings). */
package org.mvoting.infrastructure.config;
