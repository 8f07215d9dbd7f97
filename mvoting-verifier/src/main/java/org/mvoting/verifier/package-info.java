/** The audit chain's arithmetic and its check, in plain Java: the EJB tier appends with it, auditors verify with it. */
package org.mvoting.verifier;
