/** The portal's poll pages under /admin/polls/: the list, the editor and a poll's own page. */
package org.mvoting.web.admin.polls;
