/** Reusable pieces of portal pages: a bean each, drawn by its tag file in WEB-INF/tags (portal.taglib.xml). */
package org.mvoting.web.portal.components;
