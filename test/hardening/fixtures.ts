/**
 * Valid inputs the hardening suite mutates: a compact scenario that touches every schema branch
 * (six payment behaviours, monthly / quarterly / milestone billing, in advance and in arrears,
 * weekly and monthly delivery costs, mobilisation, one-off and recurring cash lines), one product
 * of each kind, a small catalogue, a payment history and a reference-rate table.
 */
import { catalogueProducts, parseCatalogue, type InvestmentProduct } from '../../src/model/index.js';
import { readExample } from './fuzz-helpers.js';

/** A compact scenario input (18 months) covering every schema branch. */
export function compactScenarioInput() {
  return {
    enterprise: {
      id: 'se',
      name: 'Compact CIC',
      legalForm: 'cic',
      region: 'North West',
      sectors: ['care'],
      tradingSince: '2020-01-01',
      annualTurnover: '800000.00',
      openingCash: '40000.00',
      openingCashDate: '2026-01-01',
      minimumCashBuffer: '10000.00',
      currency: 'GBP',
      securityAvailable: ['debenture'],
      impactThemes: ['health'],
    },
    commissioners: [
      { id: 'la', name: 'Borough', kind: 'local-authority', paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 20 } },
      { id: 'nhs', name: 'ICB', kind: 'nhs-body', paymentBehaviour: { kind: 'fixed-days', daysToPay: 45 } },
      {
        id: 'gov',
        name: 'Department',
        kind: 'central-government',
        paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 24, percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5 },
      },
      {
        id: 'ha',
        name: 'Housing',
        kind: 'housing-association',
        paymentBehaviour: { kind: 'invoice-history', invoices: [{ issued: '2025-04-01', paid: '2025-05-14', amount: '1250.00' }, { issued: '2025-05-01', paid: '2025-06-20' }], expectedBy: 'p75' },
      },
      { id: 'tb', name: 'Trust', kind: 'other', paymentBehaviour: { kind: 'days-table', table: [{ days: 30, probability: 0.6 }, { days: 60, probability: 0.4 }] } },
      { id: 'ln', name: 'Lognormal', kind: 'other', paymentBehaviour: { kind: 'shifted-lognormal', shiftDays: 10, mu: 3, sigma: 0.5 } },
    ],
    contracts: [
      {
        id: 'monthly',
        commissionerId: 'la',
        title: 'Monthly in arrears',
        start: '2026-02-01',
        end: '2027-01-31',
        value: { kind: 'periodic', amount: '20000.00', per: 'month' },
        billing: { frequency: 'monthly', timing: 'in-arrears', invoiceLagDays: 5, paymentTermsDays: 30 },
        mobilisationCosts: [{ date: '2026-01-20', amount: '15000.00', description: 'Recruitment' }],
        deliveryCosts: [
          { description: 'Payroll', amount: '16000.00', frequency: 'monthly', payDay: 25 },
          { description: 'Sessional', amount: '500.00', frequency: 'weekly', payDay: 5, start: '2026-03-01', end: '2026-12-31' },
        ],
      },
      {
        id: 'quarterly',
        commissionerId: 'nhs',
        title: 'Quarterly in advance',
        start: '2026-04-01',
        end: '2027-03-31',
        value: { kind: 'total', amount: '120000.00' },
        billing: { frequency: 'quarterly', timing: 'in-advance', invoiceLagDays: 10, paymentTermsDays: 14 },
        paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 5 },
        deliveryCosts: [{ description: 'Staff', amount: '9000.00', frequency: 'monthly', payDay: 31 }],
      },
      {
        id: 'milestones',
        commissionerId: 'gov',
        title: 'Milestones',
        start: '2026-03-01',
        end: '2027-02-28',
        value: { kind: 'total', amount: '60000.00' },
        billing: { frequency: 'milestones', invoiceLagDays: 3, paymentTermsDays: 30, milestones: [{ date: '2026-06-30', amount: '20000.00' }, { date: '2026-12-31', amount: '40000.00' }] },
        deliveryCosts: [{ description: 'Team', amount: '4000.00', frequency: 'quarterly', payDay: 1 }],
      },
      { id: 'ha-c', commissionerId: 'ha', title: 'Housing support', start: '2026-01-01', end: '2026-12-31', value: { kind: 'periodic', amount: '30000.00', per: 'quarter' }, billing: { frequency: 'quarterly' } },
      { id: 'tb-c', commissionerId: 'tb', title: 'Trust', start: '2026-01-01', end: '2027-06-30', value: { kind: 'periodic', amount: '50000.00', per: 'year' }, billing: { frequency: 'monthly' } },
      { id: 'ln-c', commissionerId: 'ln', title: 'Lognormal', start: '2026-05-01', end: '2026-10-31', value: { kind: 'total', amount: '9000.00' }, billing: { frequency: 'monthly', timing: 'in-advance' } },
    ],
    cashLines: [
      { id: 'rent', description: 'Rent', direction: 'outflow', amount: '3000.00', schedule: { kind: 'recurring', frequency: 'monthly', start: '2026-01-31' } },
      { id: 'grant', description: 'Grant', direction: 'inflow', amount: '25000.00', schedule: { kind: 'one-off', date: '2026-07-01' } },
      { id: 'ins', description: 'Insurance', direction: 'outflow', amount: '1200.00', schedule: { kind: 'recurring', frequency: 'annually', start: '2026-03-15', end: '2030-03-15' } },
      { id: 'cafe', description: 'Cafe', direction: 'inflow', amount: '300.00', schedule: { kind: 'recurring', frequency: 'weekly', start: '2026-01-02' } },
    ],
    horizon: { start: '2026-01-01', end: '2027-06-30' },
    buffer: '10000.00',
  };
}

/** The bundled example scenario (3½ years), as untrusted JSON. */
export const exampleScenarioInput = (): unknown => readExample('examples/children-services.json');
/** The bundled example catalogue (6 investors, 12 products), as untrusted JSON. */
export const exampleCatalogueInput = (): unknown => readExample('examples/catalogue.json');

type CatalogueJson = { investors: { id: string; products: { kind: string; id: string }[] }[] };

/** One product input of each kind, taken from the example catalogue. */
export function productInputs(): Record<'bridging-loan' | 'revolving-facility' | 'invoice-finance' | 'standby-facility', unknown> {
  const catalogue = exampleCatalogueInput() as CatalogueJson;
  const out: Record<string, unknown> = {};
  for (const investor of catalogue.investors) for (const product of investor.products) out[product.kind] ??= product;
  return out as Record<'bridging-loan' | 'revolving-facility' | 'invoice-finance' | 'standby-facility', unknown>;
}

/** A small valid catalogue: two investors, one product of each kind. */
export function smallCatalogueInput(): unknown {
  const catalogue = exampleCatalogueInput() as CatalogueJson;
  const keep = new Set(['harbourside', 'commonweal']);
  return { investors: catalogue.investors.filter((i) => keep.has(i.id)) };
}

/** Parsed products of the example catalogue, one per kind (first of each). */
export function parsedProducts(): InvestmentProduct[] {
  const products = catalogueProducts(parseCatalogue(exampleCatalogueInput()));
  const seen = new Set<string>();
  return products.filter((p) => (seen.has(p.kind) ? false : (seen.add(p.kind), true)));
}

/** A valid payment history (prompt-payment checks). */
export function paymentHistoryInput() {
  return [
    { invoiceId: 'A1', commissionerId: 'council-a', issueDate: '2025-01-06', paidDate: '2025-02-05', amount: '1200.00' },
    { invoiceId: 'A2', commissionerId: 'council-a', issueDate: '2025-02-03', paidDate: '2025-04-11' },
    { invoiceId: 'B1', commissionerId: 'icb', issueDate: '2025-01-10', paidDate: '2025-01-31', amount: '800.50' },
  ];
}

/** A valid reference-rate table. */
export function referenceRatesInput() {
  return [
    { effective: '2023-08-03', rate: '0.0525' },
    { effective: '2024-08-01', rate: '0.05' },
    { effective: '2025-02-06', rate: '0.045' },
  ];
}
