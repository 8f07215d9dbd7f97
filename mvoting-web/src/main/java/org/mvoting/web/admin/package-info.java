/** The staff portal's pages under /admin/ (dashboard, voting, meeting polls, on-site events, audit, directory) and its downloads. */
package org.mvoting.web.admin;
