/** A citizen's own account (profile, participation, withdrawal) and their app installations for push. */
package org.mvoting.application.citizens;
