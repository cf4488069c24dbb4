/** The UI language of the surrounding tree (the app machine's `language`). */
import { createContext } from 'react';
import type { Language } from '../../machines/appMachine';

export const LanguageContext = createContext<Language>('en');
