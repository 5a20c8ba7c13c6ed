package io.cnosdb.spring.core.write;

import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cnosdb.spring.core.write.annotation.Field;
import io.cnosdb.spring.core.write.annotation.Measurement;
import io.cnosdb.spring.core.write.annotation.Tag;
import io.cnosdb.spring.core.write.annotation.Timestamp;

import org.springframework.util.ReflectionUtils;

/**
 * Turns objects of {@link Measurement @Measurement} classes and records into {@link Point
 * points}. The mapping of each class is read once, checked as a whole, and cached.
 * <p>
 * Rules: the type carries {@code @Measurement}; fields (of a class or its superclasses)
 * or record components carry {@link Tag @Tag}, {@link Field @Field} or
 * {@link Timestamp @Timestamp}; anything not annotated is ignored. A class is refused,
 * naming it, when it has no {@code @Measurement} or an empty one, no {@code @Field}, more
 * than one {@code @Timestamp}, a property with two of these annotations, two properties
 * with the same key, or a property of a type its annotation does not support. When
 * mapping an object: a {@code null} tag or field is left out of the point, a {@code null}
 * time sends the point without one, and an object whose fields are all {@code null} is
 * refused (a point needs at least one field).
 */
public final class PointMapper {

	private static final ClassValue<Mapping> MAPPINGS = new ClassValue<>() {

		@Override
		protected Mapping computeValue(Class<?> type) {
			return Mapping.of(type);
		}

	};

	private PointMapper() {
	}

	/**
	 * Maps an object to a point; a {@link Point} is returned as it is.
	 * @param object an instance of a {@code @Measurement} type, or a point
	 * @return the point
	 * @throws IllegalArgumentException if the object's type cannot be mapped or the
	 * object has no non-null field
	 */
	public static Point toPoint(Object object) {
		if (object == null) {
			throw new IllegalArgumentException("Cannot write null as a point");
		}
		if (object instanceof Point point) {
			return point;
		}
		return MAPPINGS.get(object.getClass()).map(object);
	}

	/**
	 * Checks that a type can be mapped, reading and caching its mapping.
	 * @throws IllegalArgumentException naming the type and the problem otherwise
	 */
	public static void checkMappable(Class<?> type) {
		MAPPINGS.get(type);
	}

	private enum Kind {

		TAG, LONG, DOUBLE, BOOLEAN, STRING, UNSIGNED, TIME_INSTANT, TIME_OFFSET, TIME_ZONED, TIME_LONG

	}

	private record Property(String javaName, String key, Kind kind, CnosPrecision precision, Member member) {

		@Nullable Object read(Object target) {
			if (this.member instanceof java.lang.reflect.Field field) {
				return ReflectionUtils.getField(field, target);
			}
			return ReflectionUtils.invokeMethod((Method) this.member, target);
		}

	}

	private record Mapping(Class<?> type, String measurement, List<Property> tags, List<Property> fields,
			@Nullable Property time) {

		static Mapping of(Class<?> type) {
			String typeName = type.getName();
			if (Point.class.isAssignableFrom(type)) {
				throw new IllegalStateException("Points are not mapped");
			}
			if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
				throw new IllegalArgumentException(typeName + " is a collection or array, not a point: write its "
						+ "elements (writeObjects(Collection) takes a collection)");
			}
			Measurement measurement = type.getAnnotation(Measurement.class);
			if (measurement == null) {
				throw new IllegalArgumentException(typeName + " cannot be written as a point: it is not annotated "
						+ "with @" + Measurement.class.getName());
			}
			if (measurement.value().isEmpty()) {
				throw new IllegalArgumentException(typeName + ": @Measurement must name the measurement");
			}
			List<Property> tags = new ArrayList<>();
			List<Property> fields = new ArrayList<>();
			List<Property> times = new ArrayList<>();
			Set<String> keys = new HashSet<>();
			for (Candidate candidate : candidates(type)) {
				Property property = property(typeName, candidate);
				if (property == null) {
					continue;
				}
				if (property.kind() == Kind.TAG || isField(property.kind())) {
					if (!keys.add(property.key())) {
						throw new IllegalArgumentException(
								typeName + ": key '" + property.key() + "' is used by more than one tag or field");
					}
					((property.kind() == Kind.TAG) ? tags : fields).add(property);
				}
				else {
					times.add(property);
				}
			}
			if (fields.isEmpty()) {
				throw new IllegalArgumentException(typeName + " has no @Field, but a point needs at least one field");
			}
			if (times.size() > 1) {
				throw new IllegalArgumentException(
						typeName + " has more than one @Timestamp: " + times.stream().map(Property::javaName).toList());
			}
			for (Property property : concat(tags, fields, times)) {
				makeAccessible(property.member());
			}
			return new Mapping(type, measurement.value(), List.copyOf(tags), List.copyOf(fields),
					times.isEmpty() ? null : times.get(0));
		}

		private static List<Property> concat(List<Property> a, List<Property> b, List<Property> c) {
			List<Property> all = new ArrayList<>(a);
			all.addAll(b);
			all.addAll(c);
			return all;
		}

		private static void makeAccessible(Member member) {
			if (member instanceof java.lang.reflect.Field field) {
				ReflectionUtils.makeAccessible(field);
			}
			else {
				ReflectionUtils.makeAccessible((Method) member);
			}
		}

		private static boolean isField(Kind kind) {
			return kind != Kind.TAG && !kind.name().startsWith("TIME_");
		}

		private record Candidate(String name, Class<?> type, @Nullable Tag tag, @Nullable Field field,
				@Nullable Timestamp timestamp, Member member) {

		}

		private static List<Candidate> candidates(Class<?> type) {
			List<Candidate> candidates = new ArrayList<>();
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					candidates.add(new Candidate(component.getName(), component.getType(),
							component.getAnnotation(Tag.class), component.getAnnotation(Field.class),
							component.getAnnotation(Timestamp.class), component.getAccessor()));
				}
				return candidates;
			}
			List<Class<?>> hierarchy = new ArrayList<>();
			for (Class<?> current = type; current != null
					&& current != Object.class; current = current.getSuperclass()) {
				hierarchy.add(0, current);
			}
			for (Class<?> current : hierarchy) {
				for (java.lang.reflect.Field field : current.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
						candidates.add(new Candidate(field.getName(), field.getType(), field.getAnnotation(Tag.class),
								field.getAnnotation(Field.class), field.getAnnotation(Timestamp.class), field));
					}
				}
			}
			return candidates;
		}

		private static @Nullable Property property(String typeName, Candidate candidate) {
			int annotations = ((candidate.tag() != null) ? 1 : 0) + ((candidate.field() != null) ? 1 : 0)
					+ ((candidate.timestamp() != null) ? 1 : 0);
			if (annotations == 0) {
				return null;
			}
			String where = typeName + "." + candidate.name();
			if (annotations > 1) {
				throw new IllegalArgumentException(where + " has more than one of @Tag, @Field and @Timestamp");
			}
			Class<?> javaType = candidate.type();
			if (candidate.tag() != null) {
				if (!CharSequence.class.isAssignableFrom(javaType) && !javaType.isEnum()) {
					throw unsupported(where, "@Tag", javaType, "String, another CharSequence or an enum");
				}
				return new Property(candidate.name(), key(candidate.tag().value(), candidate.name()), Kind.TAG,
						CnosPrecision.NS, candidate.member());
			}
			if (candidate.field() != null) {
				Kind kind = fieldKind(javaType);
				if (kind == null) {
					throw unsupported(where, "@Field", javaType, "long, int, short, byte, double, float, boolean "
							+ "(or their wrappers), BigInteger (unsigned), String, another CharSequence or an enum");
				}
				return new Property(candidate.name(), key(candidate.field().value(), candidate.name()), kind,
						CnosPrecision.NS, candidate.member());
			}
			Kind kind = timeKind(javaType);
			if (kind == null) {
				throw unsupported(where, "@Timestamp", javaType,
						"Instant, OffsetDateTime, ZonedDateTime or long/Long " + "with a precision");
			}
			return new Property(candidate.name(), "time", kind, candidate.timestamp().precision(), candidate.member());
		}

		private static String key(String annotated, String javaName) {
			return annotated.isEmpty() ? javaName : annotated;
		}

		private static IllegalArgumentException unsupported(String where, String annotation, Class<?> type,
				String supported) {
			return new IllegalArgumentException(where + ": " + annotation + " does not support type " + type.getName()
					+ "; supported: " + supported);
		}

		private static @Nullable Kind fieldKind(Class<?> type) {
			if (type == long.class || type == Long.class || type == int.class || type == Integer.class
					|| type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
				return Kind.LONG;
			}
			if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
				return Kind.DOUBLE;
			}
			if (type == boolean.class || type == Boolean.class) {
				return Kind.BOOLEAN;
			}
			if (type == BigInteger.class) {
				return Kind.UNSIGNED;
			}
			if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
				return Kind.STRING;
			}
			return null;
		}

		private static @Nullable Kind timeKind(Class<?> type) {
			if (type == Instant.class) {
				return Kind.TIME_INSTANT;
			}
			if (type == OffsetDateTime.class) {
				return Kind.TIME_OFFSET;
			}
			if (type == ZonedDateTime.class) {
				return Kind.TIME_ZONED;
			}
			if (type == long.class || type == Long.class) {
				return Kind.TIME_LONG;
			}
			return null;
		}

		Point map(Object object) {
			Point point = Point.measurement(this.measurement);
			for (Property tag : this.tags) {
				Object value = tag.read(object);
				if (value != null) {
					point.tag(tag.key(), text(value));
				}
			}
			boolean anyField = false;
			for (Property field : this.fields) {
				Object value = field.read(object);
				if (value == null) {
					continue;
				}
				anyField = true;
				switch (field.kind()) {
					case LONG -> point.field(field.key(), ((Number) value).longValue());
					case DOUBLE -> point.field(field.key(), ((Number) value).doubleValue());
					case BOOLEAN -> point.field(field.key(), (boolean) (Boolean) value);
					case UNSIGNED -> point.unsignedField(field.key(), (BigInteger) value);
					default -> point.field(field.key(), text(value));
				}
			}
			if (!anyField) {
				throw new IllegalArgumentException("Cannot write " + this.type.getName() + " as a point: all its "
						+ "fields " + this.fields.stream().map(Property::javaName).toList() + " are null, and a point "
						+ "needs at least one field");
			}
			if (this.time != null) {
				Object value = this.time.read(object);
				if (value != null) {
					switch (this.time.kind()) {
						case TIME_INSTANT -> point.time((Instant) value);
						case TIME_OFFSET -> point.time(((OffsetDateTime) value).toInstant());
						case TIME_ZONED -> point.time(((ZonedDateTime) value).toInstant());
						default -> point.time((Long) value, this.time.precision());
					}
				}
			}
			return point;
		}

		private static String text(Object value) {
			return (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		}

	}

}
