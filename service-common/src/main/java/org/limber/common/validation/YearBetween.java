package org.limber.common.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A date or time ({@link Instant}, {@link LocalDate}, {@link YearMonth}) whose year lies in
 * {@code min..max}: Java accepts years up to a billion, which no date of this domain is, and which
 * date arithmetic and the database cannot take. Null is valid (use {@code @NotNull} as well).
 */
@Documented
@Constraint(validatedBy = YearBetween.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface YearBetween {

    int min() default 2000;

    int max() default 2100;

    String message() default "must be a date between the years {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<YearBetween, TemporalAccessor> {

        private int min;
        private int max;

        @Override
        public void initialize(YearBetween bounds) {
            this.min = bounds.min();
            this.max = bounds.max();
        }

        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            return value == null || within(value, min, max);
        }

        /**
         * Whether a date or time ({@link Instant}, {@link LocalDate}, {@link YearMonth}) lies in the years
         * {@code min..max}; false for null and for any other type. For checks outside Bean Validation, such as
         * an event taken in from Kafka.
         */
        public static boolean within(TemporalAccessor value, int min, int max) {
            if (value instanceof Instant instant) {
                // Compared as seconds: an instant near Instant.MAX has no date to take a year from.
                long second = instant.getEpochSecond();
                return second
                                >= LocalDate.of(min, 1, 1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toEpochSecond()
                        && second
                                < LocalDate.of(max + 1, 1, 1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toEpochSecond();
            }
            int year;
            if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof YearMonth month) {
                year = month.getYear();
            } else {
                return false;
            }
            return year >= min && year <= max;
        }
    }
}
