"""Names of the thematic clusters in the six UN languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from palermo.review.models import Cluster


@register(Cluster)
class ClusterTranslation(TranslationOptions):
    fields = ("name",)
