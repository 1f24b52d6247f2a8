import type { ItemAction } from '../../../api/items'

// How the item page offers each action the server allows (ItemDetail.actions):
// - confirm: a short confirmation, then one call;
// - dialog: a form in a dialog;
// - page: another page (editing a draft);
// - form: a form shown on the page itself (the deputy's evaluation).
export type ActionStyle = 'confirm' | 'dialog' | 'page' | 'form'

export interface ActionButton {
  name: ItemAction
  // i18n key of the button text.
  label: string
  type: 'primary' | 'danger' | 'default'
  style: ActionStyle
}

// The order buttons appear in: the next step of the workflow first, refusals last.
const catalogue: ActionButton[] = [
  { name: 'submit', label: 'actions.submit', type: 'primary', style: 'confirm' },
  { name: 'edit', label: 'actions.edit', type: 'default', style: 'page' },
  { name: 'cosign', label: 'actions.cosign', type: 'primary', style: 'confirm' },
  { name: 'evaluate', label: 'actions.evaluate', type: 'primary', style: 'form' },
  { name: 'register', label: 'actions.register', type: 'primary', style: 'confirm' },
  { name: 'assign', label: 'actions.assign', type: 'primary', style: 'dialog' },
  { name: 'classify', label: 'actions.classify', type: 'default', style: 'dialog' },
  { name: 'close', label: 'actions.close', type: 'primary', style: 'confirm' },
  { name: 'sign', label: 'actions.sign', type: 'primary', style: 'confirm' },
  { name: 'answer', label: 'actions.answer', type: 'primary', style: 'dialog' },
  { name: 'progress', label: 'actions.progress', type: 'default', style: 'dialog' },
  { name: 'contact', label: 'actions.contact', type: 'default', style: 'dialog' },
  { name: 'opinion', label: 'actions.opinion', type: 'primary', style: 'dialog' },
  { name: 'extension', label: 'actions.extension', type: 'default', style: 'dialog' },
  { name: 'return', label: 'actions.return', type: 'danger', style: 'dialog' },
  { name: 'reject', label: 'actions.reject', type: 'danger', style: 'dialog' },
]

// The buttons for the actions the server allows, in workflow order; names this page does not know
// (a newer server) are left out rather than shown as dead buttons.
export function actionButtons(actions: readonly string[]): ActionButton[] {
  return catalogue.filter((button) => actions.includes(button.name))
}
