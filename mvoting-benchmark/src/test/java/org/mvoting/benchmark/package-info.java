/** Gatling load tests of the REST vote path against a running server (run-benchmark.sh, docs/benchmarks.md). */
package org.mvoting.benchmark;
