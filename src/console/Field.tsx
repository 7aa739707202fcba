import type { Signal } from '@preact/signals';
import type { InputHTMLAttributes } from 'preact';

/** A labelled input bound to a signal: the label names the input for screen readers and for the tests. */
export function Field({ label, value, ...input }: { label: string; value: Signal<string> } & InputHTMLAttributes) {
  return (
    <label>
      {label}
      <input {...input} value={value.value} onInput={(e) => (value.value = e.currentTarget.value)} />
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
