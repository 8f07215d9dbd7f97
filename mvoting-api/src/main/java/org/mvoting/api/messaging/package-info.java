/** Views of outgoing messages kept by the local adapters. */
package org.mvoting.api.messaging;
