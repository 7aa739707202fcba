// Inputs and forms. A field takes its constraints from the spec (generated/constants.ts requestFields and
// queryFields) and the browser checks them before anything is sent; the server checks them again.
import { type Signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A request body property or query parameter as the spec states it (a requestFields or queryFields entry). */
export interface FieldSchema {
  type: string;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  'x-unit'?: string;
  required: boolean;
}

/** The spec's constraints as the input's own attributes, which the browser checks. */
function constraints(schema: FieldSchema | undefined) {
  if (!schema) return {};
  if (schema.type === 'integer')
    return {
      required: schema.required,
      step: 1,
      min: schema.minimum,
      max: schema.maximum,
      inputMode: 'numeric' as const,
    };
  return { required: schema.required, minLength: schema.minLength, maxLength: schema.maxLength };
}

/** What the spec says of the value: its meaning, range and unit. */
function help(schema: FieldSchema | undefined): string {
  if (!schema) return '';
  const range =
    schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : '';
  return [schema.description, [range, schema['x-unit']].filter(Boolean).join(' ')].filter(Boolean).join(' ');
}

/**
 * A labelled input bound to a signal, with the spec's constraints and its meaning below it. When the form is
 * checked and the value is refused, the browser's reason is shown under the input (and announced).
 */
export function Field({
  label,
  value,
  schema,
  type,
  name,
  autocomplete,
  disabled,
}: {
  label: string;
  value: Signal<string>;
  schema?: FieldSchema;
  type?: 'text' | 'search' | 'password';
  name?: string;
  autocomplete?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const problem = useSignal('');
  const text = help(schema);
  const pattern = schema?.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const described = [text && `${id}-help`, problem.value && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        // An integer's input is a number one, so the browser checks its range and step (the cast: Preact types
        // an input's attributes by a literal type).
        type={(schema?.type === 'integer' ? 'number' : (type ?? 'text')) as 'text'}
        name={name}
        autocomplete={autocomplete}
        disabled={disabled}
        {...constraints(schema)}
        value={value.value}
        aria-invalid={problem.value ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => {
          const element = e.currentTarget;
          value.value = element.value;
          problem.value = '';
          // The spec's pattern, checked with the regular expression it is (the pattern attribute's dialect differs).
          element.setCustomValidity(
            pattern && element.value && !pattern.test(element.value) ? `Not valid: ${schema?.description}` : '',
          );
        }}
        onInvalid={(e) => (problem.value = e.currentTarget.validationMessage)}
      />
      {text && (
        <small id={`${id}-help`} class="help">
          {text}
        </small>
      )}
      {problem.value && (
        <small id={`${id}-problem`} class="error" role="alert">
          {problem.value}
        </small>
      )}
    </div>
  );
}

/** A labelled checkbox bound to a signal, with an optional meaning beside it. */
export function Checkbox({
  label,
  checked,
  help: meaning,
}: {
  label: string;
  checked: Signal<boolean>;
  help?: string;
}) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked.value} onChange={(e) => (checked.value = e.currentTarget.checked)} />
      <span>
        {label}
        {meaning && <small class="help"> — {meaning}</small>}
      </span>
    </label>
  );
}

/** The refusal of the last attempt, announced when it appears. */
export function Refusal({ text }: { text: string }) {
  return text ? (
    <p class="error" role="alert">
      {text}
    </p>
  ) : null;
}

/**
 * A form that the browser checks first (every field's constraints; the first refused one gets the focus), then
 * submits: `submit` answers a refusal to show, or nothing. The button is disabled while it runs.
 */
export function Form({
  title,
  heading: Heading = 'h2',
  action,
  submit,
  children,
  class: className,
}: {
  title: string;
  heading?: 'h1' | 'h2' | 'h3';
  action: string;
  submit: () => Promise<string | undefined>;
  children: ComponentChildren;
  class?: string;
}) {
  const id = useId();
  const busy = useSignal(false);
  const refusal = useSignal('');
  return (
    <form
      class={className}
      aria-labelledby={id}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        refusal.value = '';
        if (!form.checkValidity()) {
          form.querySelector<HTMLElement>(':invalid')?.focus();
          return;
        }
        busy.value = true;
        try {
          refusal.value = (await submit()) ?? '';
        } finally {
          busy.value = false;
        }
      }}
    >
      <Heading id={id}>{title}</Heading>
      {children}
      <Refusal text={refusal.value} />
      <button type="submit" disabled={busy.value}>
        {action}
      </button>
    </form>
  );
}

/** What the last action did, announced when it appears. */
export function Done({ text }: { text: string }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}
