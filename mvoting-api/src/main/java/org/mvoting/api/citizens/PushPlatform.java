package org.mvoting.api.citizens;

/** Where an app installation receives its push notifications. */
public enum PushPlatform {
    ANDROID, IOS, WEB
}
