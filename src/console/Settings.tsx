import { type Signal, signal, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { requestFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { may } from './access.js';
import { api, outcome } from './api.js';
import { Checkbox, Done, Field, Form, Refusal } from './Field.js';

type Settings = components['schemas']['SecuritySettings'];
type Name = keyof Settings;

// Every setting the update accepts, in the spec's order, with its title, meaning, range and unit.
const fields = Object.entries(requestFields.updateSecuritySettings) as Array<
  [Name, (typeof requestFields.updateSecuritySettings)[Name]]
>;

/** The security settings; changed by those whose role holds system:write, only the fields that changed sent. */
export function SecuritySettings() {
  const current = useSignal<Settings | undefined>(undefined);
  const refusal = useSignal('');
  const done = useSignal('');
  // One signal per field, as text for numbers (what the input holds) and as a flag for switches.
  const values = useSignal(new Map<Name, Signal<string> | Signal<boolean>>());

  useEffect(() => {
    void outcome(api.GET('/api/v1/system/safe/settings')).then((answer) => {
      refusal.value = answer.ok ? '' : answer.refusal;
      if (answer.ok) show(answer.data.data);
    });
  }, []);
  const show = (settings: Settings) => {
    current.value = settings;
    values.value = new Map(
      fields.map(([name]) => {
        const value = settings[name];
        return [name, typeof value === 'boolean' ? signal(value) : signal(String(value))];
      }),
    );
  };

  const submit = async () => {
    const changed: Partial<Settings> = {};
    for (const [name, schema] of fields) {
      const value = values.value.get(name)?.value;
      const typed = schema.type === 'integer' ? Number(value) : value;
      if (typed !== current.value?.[name]) Object.assign(changed, { [name]: typed });
    }
    if (Object.keys(changed).length === 0) {
      done.value = 'Nothing changed.';
      return undefined;
    }
    const answer = await outcome(api.POST('/api/v1/system/safe/settings', { body: changed }));
    if (!answer.ok) return answer.refusal;
    show(answer.data.data);
    done.value = `Saved: ${Object.keys(changed).join(', ')}.`;
    return undefined;
  };

  const editable = may('updateSecuritySettings');
  const inputs = fields.map(([name, schema]) => {
    const value = values.value.get(name);
    if (!value) return null;
    return schema.type === 'boolean' ? (
      <Checkbox key={name} label={schema.title} checked={value as Signal<boolean>} help={schema.description} />
    ) : (
      <Field key={name} label={schema.title} value={value as Signal<string>} schema={schema} disabled={!editable} />
    );
  });

  return (
    <section aria-labelledby="settings-title" class="settings">
      <h1 id="settings-title">Security settings</h1>
      <Refusal text={refusal.value} />
      <Done text={done.value} />
      {current.value &&
        (editable ? (
          <Form title="In force on every instance" action="Save settings" submit={submit}>
            {inputs}
          </Form>
        ) : (
          <fieldset disabled>
            <legend>In force on every instance (you may read them, not change them)</legend>
            {inputs}
          </fieldset>
        ))}
    </section>
  );
}
