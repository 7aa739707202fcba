import { useSignal } from '@preact/signals';
import { permissionMeanings, permissions, requestFields } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';
import { api, outcome } from './api.js';
import { Field, Form } from './Field.js';

type Role = components['schemas']['Role'];
type Permission = components['schemas']['Permission'];

/** Creates a role, or changes one's name, description and permissions (its code is fixed once created). */
export function RoleForm({
  role,
  onSaved,
  onClose,
}: {
  role?: Role;
  onSaved: (role: Role) => void;
  onClose: () => void;
}) {
  const name = useSignal(role?.name ?? '');
  const code = useSignal(role?.code ?? '');
  const desc = useSignal(role?.desc ?? '');
  const granted = useSignal<Set<Permission>>(new Set(role?.permissions));
  const fields = role ? requestFields.updateRole : requestFields.createRole;

  const submit = async () => {
    const body = { name: name.value, desc: desc.value, permissions: permissions.filter((p) => granted.value.has(p)) };
    const answer = role
      ? await outcome(api.PUT('/api/v1/role/{id}', { params: { path: { id: role.id } }, body }))
      : await outcome(api.POST('/api/v1/role', { body: { ...body, code: code.value } }));
    if (!answer.ok) return answer.refusal;
    onSaved(answer.data.data);
    return undefined;
  };

  return (
    <div class="panel">
      <Form title={role ? `Edit role ${role.name}` : 'New role'} action="Save role" submit={submit}>
        <Field label="Name" value={name} schema={fields.name} />
        {!role && <Field label="Code" value={code} schema={requestFields.createRole.code} />}
        <Field label="Description" value={desc} schema={fields.desc} />
        <fieldset>
          <legend>Permissions</legend>
          {permissions.map((permission) => (
            <label class="check" key={permission}>
              <input
                type="checkbox"
                checked={granted.value.has(permission)}
                onChange={(e) => {
                  const next = new Set(granted.value);
                  if (e.currentTarget.checked) next.add(permission);
                  else next.delete(permission);
                  granted.value = next;
                }}
              />
              <span>
                {permission} <small class="help">— {permissionMeanings[permission]}</small>
              </span>
            </label>
          ))}
        </fieldset>
      </Form>
      <button type="button" class="secondary" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
