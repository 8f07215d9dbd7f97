/** Weighted results of panel samples: raking and post-stratification to the census, Kish's design effect, margins of error, small-cell suppression. */
package org.mvoting.domain.weighting;
