package org.leverdesk.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Marks a TestFX test class: sizes the headless screen first ({@link HeadlessScreen}), then starts
 * JavaFX through TestFX's {@link ApplicationExtension}. Use it instead of {@code @ExtendWith(ApplicationExtension.class)}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({HeadlessScreen.class, ApplicationExtension.class})
public @interface FxTest {
}
