/** Poll authoring and the public poll catalogue. */
package org.mvoting.api.polls;
