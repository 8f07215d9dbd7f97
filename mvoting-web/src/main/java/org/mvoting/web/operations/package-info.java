/** The node's health for the balancer (/health/live, /health/ready) and its metrics for monitoring (/metrics). */
package org.mvoting.web.operations;
