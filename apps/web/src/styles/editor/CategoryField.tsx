import { useId } from "react";
import { asCategory, type Category } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** OSS's style category: image, document or video (`Category` of PutStyle). */
export function CategoryField({ value, onChange }: { value: Category; onChange: (c: Category) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{t("editor.category")}</label>
      <select id={id} value={value} onChange={(e) => onChange(asCategory(e.target.value))}>
        <option value="image">{t("editor.category.image")}</option>
        <option value="document">{t("editor.category.document")}</option>
        <option value="video">{t("editor.category.video")}</option>
      </select>
    </div>
  );
}
