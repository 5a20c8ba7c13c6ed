package io.cnosdb.spring.core;

import io.cnosdb.spring.core.result.CnosColumns;
import io.cnosdb.spring.core.result.CnosRow;
import io.cnosdb.spring.core.support.CnosMessageValues;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.BeanUtils;
import org.springframework.core.KotlinDetector;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.util.ReflectionUtils;

/**
 * Maps rows to a record or class by column name, as Spring JDBC's
 * {@code DataClassRowMapper} does: constructor parameters first, then writable
 * properties; a name {@code deviceId} matches the column {@code deviceid} (ignoring case)
 * or {@code device_id}. Values are converted by the target type, so a {@code String}
 * component receives the exact text.
 *
 * @param <T> the mapped type
 */
public class CnosDataClassRowMapper<T> implements RowMapper<T> {

	private final Class<T> type;

	private final Constructor<T> constructor;

	private final boolean kotlinType;

	private final String[] parameterNames;

	private final TypeDescriptor[] parameterTypes;

	private final List<PropertyDescriptor> properties = new ArrayList<>();

	/** The setter parameter type of each property, resolved once rather than per row. */
	private final List<TypeDescriptor> propertyTypes = new ArrayList<>();

	/** Column indexes for the result being mapped, resolved on its first row. */
	private volatile @Nullable Binding binding;

	public CnosDataClassRowMapper(Class<T> type) {
		this.type = type;
		this.constructor = BeanUtils.getResolvableConstructor(type);
		this.kotlinType = KotlinDetector.isKotlinReflectPresent() && KotlinDetector.isKotlinType(type);
		this.parameterNames = BeanUtils.getParameterNames(this.constructor);
		this.parameterTypes = new TypeDescriptor[this.parameterNames.length];
		for (int i = 0; i < this.parameterTypes.length; i++) {
			this.parameterTypes[i] = new TypeDescriptor(new MethodParameter(this.constructor, i));
		}
		List<String> constructorNames = List.of(this.parameterNames);
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null && !constructorNames.contains(property.getName())) {
				this.properties.add(property);
				this.propertyTypes.add(new TypeDescriptor(new MethodParameter(property.getWriteMethod(), 0)));
			}
		}
		ReflectionUtils.makeAccessible(this.constructor);
	}

	@Override
	public T mapRow(CnosRow row, int rowNumber) {
		Binding binding = bindingFor(row);
		Object[] arguments = new Object[this.parameterNames.length];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = value(row, binding.parameterColumns[i], this.parameterTypes[i], this.parameterNames[i]);
		}
		T instance = instantiate(arguments);
		for (int i = 0; i < this.properties.size(); i++) {
			int column = binding.propertyColumns[i];
			if (column >= 0) {
				PropertyDescriptor property = this.properties.get(i);
				Object value = value(row, column, this.propertyTypes.get(i), property.getName());
				ReflectionUtils.invokeMethod(property.getWriteMethod(), instance, value);
			}
		}
		return instance;
	}

	/**
	 * Calls the constructor as {@link BeanUtils#instantiateClass(Constructor, Object...)}
	 * does, failing the same way, but without its two arrays per call (its default values
	 * for primitives never apply: {@link #value} has already refused a NULL for one).
	 * Kotlin classes still go through it, for their optional parameters.
	 */
	private T instantiate(@Nullable Object[] arguments) {
		if (this.kotlinType) {
			return BeanUtils.instantiateClass(this.constructor, arguments);
		}
		try {
			return this.constructor.newInstance(arguments);
		}
		catch (InstantiationException ex) {
			throw new BeanInstantiationException(this.constructor, "Is it an abstract class?", ex);
		}
		catch (IllegalAccessException ex) {
			throw new BeanInstantiationException(this.constructor, "Is the constructor accessible?", ex);
		}
		catch (IllegalArgumentException ex) {
			throw new BeanInstantiationException(this.constructor, "Illegal arguments for constructor", ex);
		}
		catch (InvocationTargetException ex) {
			throw new BeanInstantiationException(this.constructor, "Constructor threw exception",
					ex.getTargetException());
		}
	}

	private @Nullable Object value(CnosRow row, int column, TypeDescriptor target, String name) {
		Object value = (column >= 0) ? row.convert(column, target, target.getType()) : null;
		if (value == null && target.getType().isPrimitive()) {
			String why = (column >= 0)
					? "column '" + CnosMessageValues.abbreviate(row.getColumnName(column)) + "' is NULL"
					: "the result has no column for it (columns: "
							+ CnosMessageValues.abbreviate(String.valueOf(row.getColumnNames()), 500) + ")";
			throw new TypeMismatchDataAccessException("Cannot map row " + row.getRowNumber() + " to "
					+ this.type.getName() + ": primitive '" + name + "' needs a value, but " + why);
		}
		return value;
	}

	private Binding bindingFor(CnosRow row) {
		Binding binding = this.binding;
		if (binding != null && binding.columns == row.columns()) {
			return binding;
		}
		if (binding != null && binding.columnNames.equals(row.getColumnNames())) {
			binding = new Binding(row.columns(), binding.columnNames, binding.parameterColumns,
					binding.propertyColumns);
		}
		else {
			binding = new Binding(row.columns(), row.getColumnNames(), resolve(row, List.of(this.parameterNames)),
					resolve(row, this.properties.stream().map(PropertyDescriptor::getName).toList()));
		}
		this.binding = binding;
		return binding;
	}

	private static int[] resolve(CnosRow row, List<String> names) {
		int[] columns = new int[names.size()];
		for (int i = 0; i < columns.length; i++) {
			String name = names.get(i);
			int column = row.hasColumn(name) ? row.getColumnIndex(name) : -1;
			String underscored = underscoreName(name);
			if (column < 0 && row.hasColumn(underscored)) {
				column = row.getColumnIndex(underscored);
			}
			columns[i] = column;
		}
		return columns;
	}

	/** {@code deviceId} to {@code device_id}, Spring JDBC's rule. */
	static String underscoreName(String name) {
		StringBuilder result = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c) && i > 0) {
				result.append('_');
			}
			result.append(Character.toLowerCase(c));
		}
		return result.toString().toLowerCase(Locale.ROOT);
	}

	/** The column of each parameter and property, for the results with these columns. */
	private record Binding(CnosColumns columns, List<String> columnNames, int[] parameterColumns,
			int[] propertyColumns) {
	}

}
