import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExchangeHistory } from './ExchangeHistory';
import { ExchangeTabs } from './ExchangeTabs';
import { ExportBundle } from './ExportBundle';
import { FirstExchange } from './FirstExchange';
import { ImportBundle } from './ImportBundle';

/**
 * Offices never talk to each other directly: their work travels as signed, encrypted bundle
 * files. Here a coordinator writes one for another office, brings one in, and sees what went
 * where and when; before the first exchange, a guide says how offices come to trust each other.
 */
export function ExchangeScreen() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.title')}</h1>
      </div>
      <ExchangeTabs current="exchange" refresh={round} />
      <FirstExchange refresh={round} />
      <div className="exchange-columns">
        <ImportBundle onImported={changed} />
        <ExportBundle onExported={changed} />
      </div>
      <ExchangeHistory refresh={round} />
    </div>
  );
}
