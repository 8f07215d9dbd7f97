/** The light load client of run-ratios.sh: voter-token minting and the 1,000-at-once burst (JDK only, no crypto under load). */
package org.mvoting.benchmark.light;
