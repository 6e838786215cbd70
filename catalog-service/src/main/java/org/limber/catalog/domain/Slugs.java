package org.limber.catalog.domain;

/** The shape of an exercise slug: lower-case words joined by hyphens, 3 to 60 characters. */
public final class Slugs {

    public static final String PATTERN = "^(?=.{3,60}$)[a-z0-9]+(-[a-z0-9]+)*$";

    private Slugs() {}

    public static boolean isValid(String slug) {
        return slug != null && slug.matches(PATTERN);
    }
}
