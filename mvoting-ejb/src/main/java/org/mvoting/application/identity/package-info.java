/** Who a voter is: SMS sign-in, mVoting's access tokens, device voters, and the citizen a bearer token speaks for. */
package org.mvoting.application.identity;
