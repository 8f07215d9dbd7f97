/** The web tier: REST API for the mobile web and apps (later also the staff portal). */
package org.mvoting.web;
