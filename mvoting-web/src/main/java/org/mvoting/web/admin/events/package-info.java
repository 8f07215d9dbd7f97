/** The pages under /admin/events/: the operator console of an on-site event, one bean per job on the page. */
package org.mvoting.web.admin.events;
