/** Citizen identity: phone numbers, one-time code challenges and citizens. */
package org.mvoting.domain.identity;
