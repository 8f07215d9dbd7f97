/** Demo data seeded at startup when the run command asks for it (never in production). */
package org.mvoting.application.demo;
