/**
 * The event pages under /admin/events/: the operator console of an on-site event, one bean per job on the page
 * (the live questions, acting on a question, a new question on the spot, registrations and invitations).
 */
package org.mvoting.web.admin.events;
