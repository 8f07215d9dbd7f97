/** Panel samples: the design, its quota cells, the largest-remainder allocation and the seeded, reproducible draw. */
package org.mvoting.domain.sample;
